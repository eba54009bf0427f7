export default {
  title: 'Competitions',
};
