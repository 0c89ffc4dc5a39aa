// ITSM Hub console: the little script the server-rendered pages need. No inline script anywhere (CSP).
(function () {
  // Every htmx call carries the CSRF token that the page was rendered with.
  document.addEventListener("htmx:configRequest", function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  // A live part polled after the session ran out would get the login page swapped into it: go to the login instead.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var url = e.detail.xhr && e.detail.xhr.responseURL;
    if (url && new URL(url).pathname === "/login") {
      e.detail.shouldSwap = false;
      window.location.assign("/login");
    }
  });

  // Instants arrive as <time datetime="ISO">; show them in the viewer's own zone and language.
  function localTimes(root) {
    var lang = document.documentElement.lang || undefined;
    root.querySelectorAll("time[datetime]").forEach(function (t) {
      if (t.dataset.local) { return; }
      var d = new Date(t.getAttribute("datetime"));
      if (!isNaN(d)) {
        t.textContent = d.toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
        t.title = t.getAttribute("datetime");
        t.dataset.local = "1";
      }
    });
  }

  // Marks the current section in the header: the link with the longest path that starts this page's path.
  function activeNav() {
    var path = location.pathname, best = null;
    document.querySelectorAll(".top nav a").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href && (path === href || path.indexOf(href + "/") === 0) && (!best || href.length > best.getAttribute("href").length)) {
        best = a;
      }
    });
    if (best) { best.classList.add("active"); }
  }

  document.addEventListener("DOMContentLoaded", function () { localTimes(document); activeNav(); });
  document.addEventListener("htmx:afterSwap", function (e) { localTimes(e.target); });
})();
