using Microsoft.AspNetCore.Mvc;

namespace Sandbox.AuthServer.Controllers;

/// <summary>A landing page: shows who is signed in and links to the discovery document.</summary>
public sealed class HomeController : Controller
{
    [HttpGet("~/")]
    public IActionResult Index() => View();
}
