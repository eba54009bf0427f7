// The family's own reports between visits, and the baseline form.
export default {
  title: 'Reports',
};
