export default {
  title: 'Итоги',
};
