export default {
  title: 'Калыстардын турлары',
};
