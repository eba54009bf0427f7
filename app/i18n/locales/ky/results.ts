export default {
  title: 'Жыйынтыктар',
};
