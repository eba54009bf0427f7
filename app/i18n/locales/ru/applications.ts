export default {
  title: 'Заявки',
};
