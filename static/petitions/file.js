// Anonymous filing: hide the fields that would name the complainant (they are not sent anyway).
(function () {
  const box = document.getElementById("id_is_anonymous");
  const named = document.getElementById("named-fields");
  if (!box || !named) return;
  const sync = () => { named.hidden = box.checked; };
  box.addEventListener("change", sync);
  sync();
})();
