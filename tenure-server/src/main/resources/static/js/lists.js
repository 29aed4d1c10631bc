// List pages: "select all" ticks every row checkbox of the page (delegated, so it survives htmx swaps).
document.addEventListener('change', function (e) {
  var all = e.target.closest('[data-select-all]');
  if (!all) {
    return;
  }
  document.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]').forEach(function (box) {
    box.checked = all.checked;
  });
});
