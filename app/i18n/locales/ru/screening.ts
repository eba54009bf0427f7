export default {
  title: 'Проверка заявок',
};
