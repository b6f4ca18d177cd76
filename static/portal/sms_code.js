// 获取验证码 without leaving the page: a button marked data-sms-code posts its form in the
// background and shows the answer beside it, so nothing typed is lost (passwords included).
// Without JavaScript the same button posts the form and the page comes back with what was typed.
(function () {
  document.querySelectorAll("button[data-sms-code]").forEach((button) => {
    const status = document.getElementById(button.dataset.smsCode);
    const wait = Number(button.dataset.wait || 0);
    const label = button.textContent;

    function countDown(seconds) {
      if (seconds <= 0) {
        button.disabled = false;
        button.textContent = label;
        return;
      }
      button.disabled = true;
      button.textContent = `${label} (${seconds})`;
      window.setTimeout(() => countDown(seconds - 1), 1000);
    }

    button.addEventListener("click", async (event) => {
      event.preventDefault();
      const data = new FormData(button.form);
      data.set(button.name, button.value);
      button.disabled = true;
      try {
        const response = await fetch(window.location.href, {
          method: "POST",
          body: data,
          credentials: "same-origin",
        });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        // The answer is the message the page shows on top (see base.html).
        const answers = page.querySelectorAll("main > .alert");
        status.replaceChildren(...Array.from(answers, (answer) => document.importNode(answer, true)));
        const sent = response.ok && page.querySelector("main > .alert-success") !== null;
        if (sent) {
          countDown(wait);
        } else {
          button.disabled = false;
        }
      } catch (error) {
        // No answer from the server: post the form the ordinary way.
        button.form.requestSubmit(button);
      }
    });
  });
})();
