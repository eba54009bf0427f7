// Monitoring visits: the facilitator's list and the visit form.
export default {
  title: 'Мониторинг баруулары',
};
