export default {
  title: 'Сынактар',
};
