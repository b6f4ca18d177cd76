// Bar chart of dissatisfied votes per unit on the statistics page.
(function () {
  const data = JSON.parse(document.getElementById("unit-chart-data").textContent);
  const canvas = document.getElementById("unit-chart");
  if (!canvas || !window.Chart || !data.labels.length) return;
  new window.Chart(canvas, {
    type: "bar",
    data: { labels: data.labels, datasets: [{ label: canvas.getAttribute("aria-label"), data: data.values, backgroundColor: "#b02a37" }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
})();
