// CMDB pages: draws each [data-echarts] element with Apache ECharts from the option JSON the server put in its
// data-option attribute (no inline script under the CSP). A graph node with a url opens that CI's page.
(function () {
  function draw(el) {
    if (!window.echarts || el.dataset.drawn) { return; }
    var option = JSON.parse(el.dataset.option);
    narrow(option, el.clientWidth);
    var chart = echarts.init(el);
    chart.setOption(option);
    chart.on("click", function (p) {
      if (p.dataType === "node" && p.data && p.data.url) { window.location.href = p.data.url; }
    });
    // the chart follows its box: 100% wide on a phone as on a desktop
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(el);
    } else {
      window.addEventListener("resize", function () { chart.resize(); });
    }
    el.dataset.drawn = "1";
  }

  // On a phone the same graph is drawn tighter, so that the labels of the outer nodes stay inside the chart.
  function narrow(option, width) {
    if (width >= 600) { return; }
    (option.series || []).forEach(function (s) {
      if (s.force) {
        s.force.edgeLength = Math.round(s.force.edgeLength * 0.6);
        s.force.repulsion = Math.round(s.force.repulsion * 0.5);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-echarts]").forEach(draw);
  });
})();
