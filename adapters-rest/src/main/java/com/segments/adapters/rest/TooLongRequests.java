package com.segments.adapters.rest;

import io.micronaut.context.annotation.Requires;
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
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * A request line longer than {@code micronaut.server.netty.max-initial-line-length} answers 414, headers larger
 * than {@code max-header-size} 431 (Micronaut answers both 413), in the documented error shape, and the connection
 * is closed: the codec cannot find where such a request ends.
 */
@Singleton
@Requires(classes = NettyServerCustomizer.class)
class TooLongRequests implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null || channel.pipeline().get("segments-too-long") != null) {
                return;
            }
            for (String codec : new String[]{"http-decoder", "http-server-codec"}) {
                if (channel.pipeline().get(codec) != null) {
                    channel.pipeline().addAfter(codec, "segments-too-long", new Handler());
                    return;
                }
            }
        }
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
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
