package io.damwebhooks.it.servers.neighbour;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The neighbour applications' one page: who is logged in, and whether the server gave them the role. */
@WebServlet("/hello")
public class Hello extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(request.getRemoteUser() + " " + request.isUserInRole(Neighbours.ROLE));
    }
}
