// The login form is a static page: the CSRF token it must send comes from /api/csrf, and the button
// is enabled once the token is in the form.
const MESSAGES = {
  error: 'Wrong name or password.',
  logout: 'You are logged out.',
  throttled: 'Too many failed logins from here or for this name: wait 15 minutes and try again.',
};

const message = document.getElementById('login-message');
const params = new URLSearchParams(location.search);
for (const [key, text] of Object.entries(MESSAGES)) {
  if (params.has(key)) {
    message.textContent = text;
    message.hidden = false;
    message.classList.toggle('ok', key === 'logout');
  }
}

try {
  const response = await fetch('/api/csrf', { headers: { Accept: 'application/json' } });
  const csrf = await response.json();
  const input = document.getElementById('csrf');
  input.name = csrf.parameter_name;
  input.value = csrf.token;
  document.getElementById('login-button').disabled = false;
} catch (error) {
  message.textContent = `The service cannot be reached (${error.message}); reload the page.`;
  message.hidden = false;
}
