// What the partner page received, for the tests to read: every message, with its origin.
window.eerMessages = [];
window.addEventListener('message', function (event) {
  window.eerMessages.push({ origin: event.origin, data: event.data });
});
