export default {
  title: 'Туры жюри',
};
