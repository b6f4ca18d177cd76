// One horizontal bar chart per choice or rating question of a survey's results.
(function () {
  const source = document.getElementById("survey-charts");
  if (!source || typeof Chart === "undefined") return;
  for (const chart of JSON.parse(source.textContent)) {
    const canvas = document.getElementById("survey-chart-" + chart.id);
    if (!canvas) continue;
    canvas.parentElement.style.height = Math.max(120, chart.labels.length * 32 + 40) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: [{ data: chart.counts, backgroundColor: "#1d3557" }],
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
})();
