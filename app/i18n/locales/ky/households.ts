export default {
  title: 'Үй-бүлөлөр',
};
