// Bars of a democratic appraisal round: each department's overall score, the previous round's,
// and the alert score as a line.
(function () {
  const source = document.getElementById("appraisal-data");
  const canvas = document.getElementById("appraisal-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.names[0], data: data.overall, backgroundColor: "#1d3557" },
        { label: data.names[1], data: data.previous, backgroundColor: "#a8b8c8" },
        {
          type: "line",
          label: data.names[2],
          data: data.labels.map(() => data.threshold),
          borderColor: "#b02a37",
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, max: 100 } },
    },
  });
})();
