// Draws every [data-chart] element with the ECharts option the server put in it, and redraws on resize and
// after the big screen's periodic refresh.
(function () {
  function draw(root) {
    if (!window.echarts) { return; }
    var dark = document.body.classList.contains("big-screen");
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var old = echarts.getInstanceByDom(el);
      if (old) { old.dispose(); }
      var chart = echarts.init(el, dark ? "dark" : null, { renderer: "canvas" });
      var option = JSON.parse(el.getAttribute("data-chart"));
      if (dark) { option.backgroundColor = "transparent"; }
      chart.setOption(option);
    });
  }
  window.addEventListener("load", function () { draw(document); });
  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var c = window.echarts && echarts.getInstanceByDom(el);
      if (c) { c.resize(); }
    });
  });
  document.addEventListener("htmx:afterSwap", function (e) { draw(e.target.parentNode || document); });
})();
