package org.conflictmap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a local port to a real server (here PostgreSQL), which a test can cut and restore: cut
 * closes every connection through it and refuses new ones (the port is closed), exactly what a client
 * sees when the database server goes away; restore listens on the same port again. So a test can take
 * the database away from a running service without stopping the PostgreSQL that other tests share.
 */
public final class NetworkLink implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listener;

	public NetworkLink(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		restore();
	}

	/** The local port that leads to the target while the link is up. */
	public int port() {
		return port;
	}

	/** Drops every connection through the link and refuses new ones. */
	public synchronized void cut() {
		ServerSocket l = listener;
		listener = null;
		closeQuietly(l);
		for (Socket s : open) {
			closeQuietly(s);
		}
		open.clear();
	}

	/** Listens again; new connections reach the target. */
	public synchronized void restore() {
		if (listener != null) {
			return;
		}
		try {
			var l = new ServerSocket();
			l.setReuseAddress(true);
			l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			listener = l;
			daemon("link-accept-" + port, () -> accept(l));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot listen on port " + port + " again", ex);
		}
	}

	private void accept(ServerSocket l) {
		while (!l.isClosed()) {
			try {
				Socket client = l.accept();
				Socket server = new Socket(targetHost, targetPort);
				open.add(client);
				open.add(server);
				pipe(client, server);
				pipe(server, client);
			}
			catch (IOException ex) {
				// closed by cut(), or the target refused: the client's connection fails either way
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		daemon("link-pipe-" + port, () -> {
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (SocketException ex) {
				// cut, or the other side closed
			}
			catch (IOException ex) {
				// the same
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable body) {
		var thread = new Thread(body, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable c) {
		if (c == null) {
			return;
		}
		try {
			c.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		cut();
	}

}
