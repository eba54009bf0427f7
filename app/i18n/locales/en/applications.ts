export default {
  title: 'Applications',
};
