export default {
  title: 'Decisions',
};
