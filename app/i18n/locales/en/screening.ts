export default {
  title: 'Screening',
};
