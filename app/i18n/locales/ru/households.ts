export default {
  title: 'Семьи',
};
