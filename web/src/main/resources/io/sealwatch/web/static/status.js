// Keeps the page's countdowns running between its reloads (<meta http-equiv="refresh">). The page says
// the service's clock (body data-now); the countdowns run from it, not from this machine's clock, so a
// browser with a wrong clock still shows the service's deadlines right. Writes text only (textContent).
"use strict";
(function () {
  document.body.classList.add("live");   // hides the note that countdowns are static
  var serverNow = Date.parse(document.body.getAttribute("data-now"));
  var loaded = performance.now();
  var times = document.querySelectorAll("time[data-due]");
  if (isNaN(serverNow) || times.length === 0) {
    return;
  }
  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }
  // the words of Html.left on the server: "in 1h 05m 09s", "3m 00s ago", "2d 03h 00m"
  function duration(seconds) {
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600);
    var m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    if (d > 0) {
      return d + "d " + two(h) + "h " + two(m) + "m";
    }
    if (h > 0) {
      return h + "h " + two(m) + "m " + two(s) + "s";
    }
    return m + "m " + two(s) + "s";
  }
  function tick() {
    var now = serverNow + (performance.now() - loaded);
    times.forEach(function (t) {
      var left = Math.floor((Date.parse(t.getAttribute("data-due")) - now) / 1000);
      var words = left >= 0 ? "in " + duration(left) : duration(-left) + " ago";
      t.textContent = words + " (" + t.getAttribute("title") + ")";
    });
  }
  tick();
  setInterval(tick, 1000);
})();
