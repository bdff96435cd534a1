// Clearance console: small conveniences only; every page works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before an irreversible action (rejecting a case, revoking a dismissal).
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Filters apply as soon as a select changes.
  document.querySelectorAll('form.filters select').forEach(select => {
    select.addEventListener('change', () => select.form.requestSubmit());
  });
});
