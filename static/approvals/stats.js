// Monthly bars of the approvals statistics page: received, completed, completed on time.
(function () {
  const source = document.getElementById("stats-data");
  const canvas = document.getElementById("stats-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.names[0], data: data.received, backgroundColor: "#1d3557" },
        { label: data.names[1], data: data.completed, backgroundColor: "#457b9d" },
        { label: data.names[2], data: data.on_time, backgroundColor: "#198754" },
      ],
    },
    options: { responsive: true, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
})();
