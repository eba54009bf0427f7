export default {
  title: 'Конкурсы',
};
