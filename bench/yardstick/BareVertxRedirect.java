import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;

/**
 * The floor under Chorus's redirect, for bench/redirect-yardstick.sh: Vert.x core alone, from the libraries of Chorus's
 * own build (target/quarkus-app/lib/main), with what Chorus configures for it (native epoll, 2 event loops here), answering
 * every request with the static 302 of bench/nginx-redirect.conf. No Quarkus, no router, no click, no metrics.
 * Usage: java -cp LIBS:DIR BareVertxRedirect PORT
 */
public class BareVertxRedirect {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        CharSequence location = HttpHeaders.createOptimized("https://www.example.com/news/2026/bench-article-17"
                + "?utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=always-on&utm_content=Ab3dE_gH1k");
        CharSequence noStore = HttpHeaders.createOptimized("no-store");
        CharSequence referrerPolicy = HttpHeaders.createOptimized("Referrer-Policy");
        CharSequence downgrade = HttpHeaders.createOptimized("no-referrer-when-downgrade");
        CharSequence contentTypeOptions = HttpHeaders.createOptimized("X-Content-Type-Options");
        CharSequence nosniff = HttpHeaders.createOptimized("nosniff");
        // One server instance per event loop, as Quarkus deploys them.
        for (int i = 0; i < loops; i++) {
            vertx.createHttpServer(new HttpServerOptions().setPort(port)).requestHandler(request -> {
                var response = request.response().setStatusCode(302);
                response.headers().add(HttpHeaders.LOCATION, location).add(HttpHeaders.CACHE_CONTROL, noStore)
                        .add(referrerPolicy, downgrade).add(contentTypeOptions, nosniff);
                response.end();
            }).listen().onFailure(e -> {
                e.printStackTrace();
                System.exit(1);
            });
        }
        System.out.println("native transport: " + vertx.isNativeTransportEnabled());
    }
}
