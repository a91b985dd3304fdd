/* Starts Swagger UI for /api/docs from the JSON settings in the page (no inline script, for the CSP). */
(function () {
  const data = document.body.dataset;
  const config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
  if (data.apiCsrf && data.csrfToken) {
    config.requestInterceptor = (req) => { req.headers["X-CSRFToken"] = data.csrfToken; return req; };
  }
  SwaggerUIBundle(config);
})();
