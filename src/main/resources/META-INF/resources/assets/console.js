// Clearance console: a convenience only; every page works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // The case queue's filters apply as soon as a choice changes.
  document.querySelectorAll('form.filters select').forEach(select => {
    select.addEventListener('change', () => select.form.requestSubmit());
  });
});
