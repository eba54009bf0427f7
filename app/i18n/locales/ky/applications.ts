export default {
  title: 'Арыздар',
};
