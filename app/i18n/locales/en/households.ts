export default {
  title: 'Families',
};
