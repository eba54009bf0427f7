export default {
  title: 'Решения',
};
