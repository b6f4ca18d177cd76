// Monthly bars of the public interaction figures: received, answered, answered on time, published.
(function () {
  const source = document.getElementById("interaction-data");
  const canvas = document.getElementById("interaction-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.names[0], data: data.received, backgroundColor: "#1d3557" },
        { label: data.names[1], data: data.answered, backgroundColor: "#457b9d" },
        { label: data.names[2], data: data.on_time, backgroundColor: "#198754" },
        { label: data.names[3], data: data.published, backgroundColor: "#e9a23b" },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
})();
