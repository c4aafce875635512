package com.segments.adapters.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the HTTP/1 connection itself enforces, below Micronaut:
 * <ul>
 *   <li>a request line longer than {@code micronaut.server.netty.max-initial-line-length} answers 414, headers
 *       larger than {@code max-header-size} 431 (Micronaut answers both 413), in the documented error shape, and the
 *       connection is closed: the codec cannot find where such a request ends;</li>
 *   <li>a request that has begun to arrive and then stalls (headers cut short, a body shorter than its
 *       Content-Length, a client that stops sending) is dropped after {@code segments.http.stalled-request-timeout}
 *       (10 s) without a byte. Micronaut's own idle handling closes only connections idle in both directions, so a
 *       stalled request held a connection for five minutes. A connection that waits between requests, or a request
 *       the server is still answering, is not affected.</li>
 * </ul>
 */
@Singleton
@Requires(classes = NettyServerCustomizer.class)
class NettyEdge implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final long stalledSeconds;

    NettyEdge(@Value("${segments.http.stalled-request-timeout:10s}") Duration stalled) {
        if (stalled.isNegative() || stalled.isZero()) {
            throw new IllegalArgumentException("segments.http.stalled-request-timeout must be positive, got " + stalled);
        }
        this.stalledSeconds = Math.max(1, stalled.toSeconds());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null, stalledSeconds));
        return event.getBean();
    }

    private record Customizer(Channel channel, long stalledSeconds) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel, stalledSeconds);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null || channel.pipeline().get("segments-edge") != null) {
                return;
            }
            for (String codec : new String[]{"http-decoder", "http-server-codec"}) {
                if (channel.pipeline().get(codec) != null) {
                    Progress progress = new Progress();
                    channel.pipeline().addBefore(codec, "segments-read-idle", new IdleStateHandler(stalledSeconds, 0, 0,
                            TimeUnit.SECONDS));
                    channel.pipeline().addBefore(codec, "segments-bytes", new Bytes(progress));
                    channel.pipeline().addAfter(codec, "segments-edge", new Handler(progress));
                    return;
                }
            }
        }
    }

    /** Whether bytes of a request have arrived that do not yet make a whole request. */
    private static final class Progress {
        boolean partial;
    }

    /** Before the codec: any bytes start (or continue) a request. */
    private static final class Bytes extends ChannelInboundHandlerAdapter {
        private final Progress progress;

        Bytes(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            progress.partial = true;
            ctx.fireChannelRead(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE && progress.partial) {
                ctx.close(); // a request began and stopped arriving
                return;
            }
            ctx.fireUserEventTriggered(event);
        }
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {
        private final Progress progress;
        private boolean refused;

        Handler(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof LastHttpContent) {
                progress.partial = false; // the request is whole (a FullHttpRequest is one too)
            }
            if (refused) {
                ReferenceCountUtil.release(msg); // the rest of a request already answered
                return;
            }
            if (msg instanceof HttpObject http) {
                DecoderResult result = http.decoderResult();
                if (result.isFailure() && (result.cause() instanceof TooLongHttpLineException
                        || result.cause() instanceof TooLongHttpHeaderException)) {
                    refused = true;
                    ReferenceCountUtil.release(msg);
                    boolean line = result.cause() instanceof TooLongHttpLineException;
                    ctx.writeAndFlush(answer(line)).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    static FullHttpResponse answer(boolean line) {
        int status = line ? 414 : 431;
        String body = line
                ? "{\"status\":414,\"error\":\"uri_too_long\",\"message\":\"the request's address is longer than the server "
                + "takes\",\"field\":null}"
                : "{\"status\":431,\"error\":\"headers_too_large\",\"message\":\"the request's headers are larger than the "
                + "server takes\",\"field\":null}";
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, "close")
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }
}
