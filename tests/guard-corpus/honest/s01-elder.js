// Elder-friendly mode: larger type and high contrast, remembered across pages.
(function () {
  var key = 'civic-elder';
  var root = document.documentElement;
  if (localStorage.getItem(key) === '1') root.classList.add('elder');
  document.addEventListener('click', function (e) {
    var btn = e.target.closest('.elder-toggle');
    if (!btn) return;
    var on = root.classList.toggle('elder');
    btn.setAttribute('aria-pressed', on ? 'true' : 'false');
    localStorage.setItem(key, on ? '1' : '0');
  });
})();
