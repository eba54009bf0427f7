export default {
  title: 'Results',
};
