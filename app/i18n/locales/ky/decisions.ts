export default {
  title: 'Чечимдер',
};
