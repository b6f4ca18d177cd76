// The weekly trend chart of the supervision dashboard.
(function () {
  const source = document.getElementById("trend-data");
  const canvas = document.getElementById("trend-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const names = data.names;
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: names[0], data: data.on_time, backgroundColor: "#198754" },
        { label: names[1], data: data.late, backgroundColor: "#c1121f" },
        { label: names[2], data: data.notices, backgroundColor: "#f0ad00" },
      ],
    },
    options: {
      responsive: true,
      // Figures, not a show: draw them at once.
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
})();
