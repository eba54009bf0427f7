export default {
  title: 'Jury rounds',
};
