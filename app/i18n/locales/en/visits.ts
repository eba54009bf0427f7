// Monitoring visits: the facilitator's list and the visit form.
export default {
  title: 'Monitoring visits',
};
