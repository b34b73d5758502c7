// A small proof of work before signing (the ALTCHA challenge, served by this site; nothing is fetched
// from anywhere else). The browser finds the number whose SHA-256 with the salt matches the challenge.
// Without JavaScript the form still works: such signatures wait for the team's review.
(function () {
  "use strict";
  function hex(buffer) {
    return Array.from(new Uint8Array(buffer)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }
  async function solve(challenge) {
    var encoder = new TextEncoder();
    for (var n = 0; n <= challenge.maxNumber; n++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n));
      if (hex(digest) === challenge.challenge) {
        return btoa(JSON.stringify({algorithm: challenge.algorithm, challenge: challenge.challenge,
          number: n, salt: challenge.salt, signature: challenge.signature}));
      }
    }
    return "";
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-challenge-url]");
    if (!form || !window.crypto || !crypto.subtle) { return; }
    var field = form.querySelector("input[name=altcha]");
    var solving = fetch(form.dataset.challengeUrl, {credentials: "omit"})
      .then(function (response) { return response.json(); })
      .then(solve)
      .then(function (payload) { field.value = payload; })
      .catch(function () { /* the signature then waits for review */ });
    form.addEventListener("submit", function (event) {
      if (field.value || form.dataset.waited) { return; }
      event.preventDefault();
      form.dataset.waited = "1";
      solving.finally(function () { form.submit(); });
    });
  });
})();
