package jp.tsunagu.org.web;

import jp.tsunagu.common.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form's POST, and sends people to their {@link StartPage}. */
@Controller
@WebPage
class LoginPageController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String ended, Model model) {
        model.addAttribute("loginFailed", error != null);
        model.addAttribute("loggedOut", logout != null);
        // Signed out because an administrator disabled the account while the session was open.
        model.addAttribute("sessionEnded", ended != null);
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + StartPage.ofCurrentPerson();
    }
}
