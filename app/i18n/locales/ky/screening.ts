export default {
  title: 'Арыздарды текшерүү',
};
