using Microsoft.AspNetCore.Mvc;

namespace OAuthWebClient.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
